using WorldModel = DecapSim.Core.World.World;

namespace DecapSim.Core.Tests.World;

public class WorldNormalizeTests
{
    [Theory]
    [InlineData("Michoacán", "michoacan")]
    [InlineData("  Nuevo León ", "nuevo leon")]
    [InlineData("QUERÉTARO", "queretaro")]
    [InlineData("Ñuu Savi", "nuu savi")]
    public void Normalize_AccentedName_LowerCaseWithoutAccents(string input, string expected)
        => Assert.Equal(expected, WorldModel.Normalize(input));
}
