using DecapSim.Core.Parameters;
using DecapSim.Core.Timeline;
using Microsoft.Extensions.Configuration;

namespace DecapSim.Scenarios;

/// <summary>Reads <c>Timeline</c> entries into events: type, the keys each type allows, Week or Date inside the run,
/// and each field against its type and range (set-policy values against the range of the parameter they set).</summary>
internal sealed class TimelineReader(ResolutionContext r, ModelParameters p)
{
    private static readonly string[] Types = { "remove-leader", "kingpin-list", "set-policy", "campaign", "escape", "extradition", "rupture" };
    private static readonly string[] Common = { "Type", "Week", "Date", "Label", "Source" };

    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["remove-leader"] = new[] { "Faction", "Mode", "Rank", "HeirUnavailable" },
        ["kingpin-list"] = new[] { "Count", "OverWeeks", "KillShare" },
        ["set-policy"] = new[] { "Parameter", "Value", "RampWeeks" },
        ["campaign"] = new[] { "Kind", "DurationWeeks", "Regions", "Intensity" },
        ["rupture"] = new[] { "Faction", "Other", "Rivalry" },
        ["escape"] = new[] { "Faction" },
        ["extradition"] = new[] { "Faction" },
    };

    private IConfigurationSection ev = null!;
    private string at = "";
    private bool ok;

    public List<TimelineEvent> Read()
    {
        var list = new List<TimelineEvent>();
        var children = r.Config.GetSection("Timeline").GetChildren().ToList();
        foreach (var c in children.Where(c => !int.TryParse(c.Key, out _)))
            r.Error(r.Origin(c.Path)?.Src, "Timeline." + c.Key, "", "an array of events", "Timeline must be an array");
        foreach (var c in children.Where(c => int.TryParse(c.Key, out _)).OrderBy(c => int.Parse(c.Key)))
        {
            ev = c;
            at = "Timeline." + c.Key;
            ok = true;
            if (c.Value is not null)
            {
                r.Error(r.Origin(c.Path)?.Src, at, c.Value, "an object with Type and Week or Date", "an event must be an object");
                continue;
            }
            if (ReadEvent() is { } e && ok) list.Add(e);
        }
        return list;
    }

    private TimelineEvent? ReadEvent()
    {
        var typeText = GetText("Type", required: true);
        if (typeText is null) return null;
        var type = Types.FirstOrDefault(t => t.Replace("-", "").Equals(typeText.Replace("-", "").Replace("_", ""), StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            Fail("Type", typeText, "one of " + string.Join(", ", Types), $"unknown event type '{typeText}'." + Suggest.DidYouMean(typeText, Types));
            return null;
        }
        var allowed = Common.Concat(Fields[type]).ToArray();
        foreach (var f in ev.GetChildren())
            if (!allowed.Contains(f.Key, StringComparer.OrdinalIgnoreCase))
                Fail(f.Key, f.Value ?? "", $"for {type}: " + string.Join(", ", allowed),
                     $"unknown key '{f.Key}' in a {type} event." + Suggest.DidYouMean(f.Key, allowed));
        int week = ReadWeek();
        var label = GetText("Label") ?? "";
        GetText("Source"); // where the event comes from: documentation only, checked to be text
        switch (type)
        {
            case "remove-leader":
            {
                var rank = GetText("Rank") ?? "Leader";
                var rankName = new[] { "Leader", "Lieutenant" }.FirstOrDefault(x => x.Equals(rank.Trim(), StringComparison.OrdinalIgnoreCase));
                if (rankName is null) Fail("Rank", rank, "leader or lieutenant", $"unknown rank '{rank}'." + Suggest.DidYouMean(rank, new[] { "leader", "lieutenant" }));
                return new RemoveLeaderEvent
                {
                    Week = week, Label = label,
                    Faction = GetText("Faction", required: true) ?? "",
                    Mode = Get<RemovalMode>("Mode") ?? RemovalMode.Kill,
                    Rank = rankName ?? "Leader",
                    HeirUnavailable = Get<bool>("HeirUnavailable") ?? false,
                };
            }
            case "escape":
                return new EscapeEvent { Week = week, Label = label, Faction = GetText("Faction", required: true) ?? "" };
            case "extradition":
                return new ExtraditionEvent { Week = week, Label = label, Faction = GetText("Faction", required: true) ?? "" };
            case "kingpin-list":
                return new KingpinListEvent
                {
                    Week = week, Label = label,
                    Count = Get<int>("Count", required: true, min: 1, max: 100_000) ?? 0,
                    OverWeeks = Get<int>("OverWeeks", min: 1, max: 5200) ?? 1,
                    KillShare = Get<double>("KillShare", min: 0, max: 1) ?? 0.3,
                };
            case "rupture":
            {
                var faction = GetText("Faction", required: true) ?? "";
                var other = GetText("Other", required: true) ?? "";
                if (faction.Length > 0 && faction.Trim().Equals(other.Trim(), StringComparison.OrdinalIgnoreCase))
                    Fail("Other", other, "a group other than Faction", "a rupture needs two different groups");
                return new RuptureEvent
                {
                    Week = week, Label = label, Faction = faction, Other = other,
                    Rivalry = Get<double>("Rivalry", min: 0, max: p.Conflict.MaxRivalry),
                };
            }
            case "set-policy":
            {
                var text = GetText("Parameter", required: true);
                PolicyLever lever = default;
                ParameterDescriptor? target = null;
                if (text is not null)
                {
                    if (PolicyLevers.TryParse(text, out lever)) target = ParameterCatalog.Find(PolicyLevers.KeyPath(lever));
                    else Fail("Parameter", text, "one of " + string.Join(", ", PolicyLevers.Names),
                              $"'{text}' is not a policy parameter." + Suggest.DidYouMean(text, PolicyLevers.Names.Concat(PolicyLevers.KeyPaths)));
                }
                return new SetPolicyEvent
                {
                    Week = week, Label = label, Parameter = lever,
                    Value = Get<double>("Value", required: true, min: target?.Min ?? double.NegativeInfinity, max: target?.Max ?? double.PositiveInfinity,
                                        unit: target?.Unit) ?? 0,
                    RampWeeks = Get<int>("RampWeeks", min: 0, max: 5200) ?? 0,
                };
            }
            default:
            {
                var regions = new List<string>();
                var rs = ev.GetSection("Regions");
                if (rs.Value is not null) regions.AddRange(rs.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                else regions.AddRange(rs.GetChildren().Select(x => x.Value ?? "").Where(x => x.Length > 0));
                return new CampaignEvent
                {
                    Week = week, Label = label,
                    Kind = Get<CampaignKind>("Kind", required: true) ?? CampaignKind.TroopSurge,
                    DurationWeeks = Get<int>("DurationWeeks", min: 1, max: 5200) ?? 52,
                    Intensity = Get<double>("Intensity", min: 0, max: 1e6) ?? 1,
                    Regions = regions,
                };
            }
        }
    }

    private int ReadWeek()
    {
        bool hasWeek = ev.GetSection("Week").Value is not null, hasDate = ev.GetSection("Date").Value is not null;
        string allowed = $"week 0 to {p.Weeks - 1}, or a date from {ValueText.Format(p.StartDate)} to {ValueText.Format(p.StartDate.AddDays(7 * (p.Weeks - 1)))}";
        if (hasWeek && hasDate) { Fail("Date", ev["Date"]!, "either Week or Date", "give Week or Date, not both"); return 0; }
        if (!hasWeek && !hasDate) { Fail("Type", ev["Type"] ?? "", "Week or Date", "an event needs a Week or a Date"); return 0; }
        int week;
        if (hasWeek)
        {
            var w = Get<int>("Week", min: double.NegativeInfinity, max: double.PositiveInfinity);
            if (w is null) return 0;
            week = w.Value;
        }
        else
        {
            var d = Get<DateOnly>("Date");
            if (d is null) return 0;
            int days = d.Value.DayNumber - p.StartDate.DayNumber;
            if (days < 0) { Fail("Date", ev["Date"]!, allowed, $"the date is before StartDate {ValueText.Format(p.StartDate)}"); return 0; }
            week = days / 7;
        }
        string key = hasWeek ? "Week" : "Date";
        if (week < 0) Fail(key, ev[key]!, allowed, "a negative week");
        else if (week >= p.Weeks) Fail(key, ev[key]!, allowed, $"the event is after the last week ({p.Weeks - 1})");
        return week;
    }

    private void Fail(string field, string value, string allowed, string message)
    {
        ok = false;
        var src = r.Origin(ev.Path + ":" + field)?.Src ?? r.Origin(ev.Path + ":Type")?.Src;
        r.Error(src, $"{at}.{field}", value, allowed, message);
    }

    private string? GetText(string field, bool required = false) =>
        Get<string>(field, required, double.NegativeInfinity, double.PositiveInfinity, null, out var v) ? v : null;

    private T? Get<T>(string field, bool required = false, double min = double.NegativeInfinity,
                      double max = double.PositiveInfinity, string? unit = null) where T : struct =>
        Get<T>(field, required, min, max, unit, out var v) ? v : null;

    private bool Get<T>(string field, bool required, double min, double max, string? unit, out T value)
    {
        value = default!;
        var s = ev.GetSection(field);
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        var allowed = ValueParser.Allowed(type, min, max) + (string.IsNullOrEmpty(unit) ? "" : $" ({unit})");
        if (s.Value is null)
        {
            if (s.GetChildren().Any()) Fail(field, "", allowed, "expected a single value, got an object or array");
            else if (required) Fail(field, "", allowed, $"{field} is required");
            return false;
        }
        var src = r.Origin(s.Path)?.Src;
        if (src is { Kind: JsonKind.Null }) { Fail(field, "null", allowed, "null is not allowed"); return false; }
        var problem = ValueParser.TryParse(type, s.Value, min, max, out var v);
        if (problem is not null) { Fail(field, s.Value, allowed, problem); return false; }
        value = (T)v!;
        return true;
    }
}
