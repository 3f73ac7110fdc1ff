using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;

namespace DecapSim.Scenarios.Tests.Resolution;

public sealed class FactionFilesTests : ScenarioTestBase
{
    [Fact]
    public void Load_FactionCsvWithBomAndAccents_ReadsFactionsAndMergesEdges()
    {
        dir.Write("f.csv", "name,region,members\nCártel de Jalisco Nueva Generación,Jalisco,31000\n\"Sinaloa, Los Chapitos\",Sinaloa,10000\nFamilia Michoacana,Michoacán,5000\n", bom: true);
        dir.Write("r.csv", "a,b,weight\nCártel de Jalisco Nueva Generación,\"Sinaloa, Los Chapitos\",2\n\"Sinaloa, Los Chapitos\",Cártel de Jalisco Nueva Generación,5\nFamilia Michoacana,Cártel de Jalisco Nueva Generación,1\n");
        dir.Write("al.csv", "b,a,weight\nFamilia Michoacana,\"Sinaloa, Los Chapitos\",0.5\n");
        var p = dir.Write("s.json", """
        { "Factions": { "File": "f.csv" }, "Relations": { "RivalriesFile": "r.csv", "AlliancesFile": "al.csv" },
          "Timeline": [ { "Type": "remove-leader", "Week": 0, "Faction": "cártel de jalisco nueva generación" } ] }
        """);
        var s = Load(p);
        var data = s.Parameters.InitialFactions!;
        Assert.Equal(3, data.Factions.Count);
        Assert.Equal(("Cártel de Jalisco Nueva Generación", "Jalisco", 31000), (data.Factions[0].Name, data.Factions[0].Region, data.Factions[0].Members));
        Assert.Equal("Sinaloa, Los Chapitos", data.Factions[1].Name);
        Assert.Equal(2, data.Rivalries.Count);
        Assert.Equal(5, data.Rivalries.Single(r => r.A.StartsWith("Sinaloa") || r.B.StartsWith("Sinaloa")).Weight);
        Assert.Single(data.Alliances);
        Assert.Equal("Cártel de Jalisco Nueva Generación", ((RemoveLeaderEvent)s.Parameters.Timeline[0]).Faction);
    }

    [Fact]
    public void Load_RelationWithUnknownName_ThrowsNamingFileLineAndName()
    {
        dir.Write("f.csv", "name,region,members\nA,R,10\nB,R,10\n");
        dir.Write("r.csv", "a,b,weight\nA,B,1\nA,Cee,1\n");
        var p = dir.Write("s.json", """{ "Factions": { "File": "f.csv" }, "Relations": { "RivalriesFile": "r.csv" } }""");
        var err = Assert.Single(Fails(() => Load(p)).Errors);
        Assert.EndsWith("r.csv", err.File);
        Assert.Equal(3, err.Line);
        Assert.Equal("Cee", err.Value);
        Assert.Equal("Relations.RivalriesFile", err.KeyPath);
    }
}
