namespace DecapSim.Core.Factions;

/// <summary>A named criminal group with its published or assumed share of members, its home state and the other
/// states where public reporting places it (its members away from home go there rather than to its home's
/// neighbours).</summary>
public sealed record NamedGroup(string Name, double Share, string Home, string Source, string[]? Presence = null);

/// <summary>
/// The named groups of the initial landscapes. Present-day shares of the five largest groups are from
/// Prieto-Curiel, Campedelli &amp; Hope (2023); home states are public knowledge; the other groups' sizes are
/// Zipf-distributed by the landscape builder. The presence lists are a stylized reading of public reporting
/// (e.g. the US DEA National Drug Threat Assessment 2024 maps of CJNG and Sinaloa presence; press coverage of
/// the CJNG-Santa Rosa de Lima war in Guanajuato and of the CJNG-Sinaloa fights in Baja California and Zacatecas).
/// A state listed twice gets twice the share of the group's members away from home: CJNG's main fronts outside
/// Jalisco, Guanajuato and Michoacán.
/// </summary>
public static class NamedGroups
{
    private const string Pc2023 = "Prieto-Curiel et al. 2023 (Science 381)";
    private const string Gto = "Guanajuato";

    /// <summary>Present-day named groups (shares of all members; 0 = sized by the Zipf rule).</summary>
    public static IReadOnlyList<NamedGroup> PresentDay { get; } =
    [
        new("CJNG", 0.179, "Jalisco", Pc2023, [Gto, Gto, "Michoacán", "Michoacán", "Colima", "Zacatecas", "Baja California", "Nayarit", "Veracruz", "Quintana Roo"]),
        new("Cártel de Sinaloa", 0.089, "Sinaloa", Pc2023, ["Sonora", "Baja California", "Chihuahua", "Durango", "Zacatecas"]),
        new("La Nueva Familia Michoacana", 0.062, "Guerrero", Pc2023, ["México", "Michoacán", "Morelos"]),
        new("Cártel del Noreste", 0.045, "Tamaulipas", Pc2023, ["Nuevo León"]),
        new("Unión Tepito", 0.035, "Ciudad de México", Pc2023, ["México"]),
        new("Cártel del Golfo", 0, "Tamaulipas", "public reporting", ["Nuevo León"]),
        new("Cárteles Unidos", 0, "Michoacán", "public reporting"),
        new("Cártel de Santa Rosa de Lima", 0, "Guanajuato", "public reporting", ["Querétaro"]),
        new("La Línea", 0, "Chihuahua", "public reporting"),
        new("Los Viagras", 0, "Michoacán", "public reporting"),
        new("Guerreros Unidos", 0, "Guerrero", "public reporting"),
        new("Los Ardillos", 0, "Guerrero", "public reporting"),
        new("Cártel de Caborca", 0, "Sonora", "public reporting", ["Baja California", "Chihuahua"]),
        new("Los Rojos", 0, "Guerrero", "public reporting"),
        new("Fuerza Anti-Unión", 0, "Ciudad de México", "public reporting"),
        new("Cártel Beltrán Leyva", 0, "Sinaloa", "public reporting"),
        new("Los Zetas (remnants)", 0, "Veracruz", "public reporting"),
        new("Gente Nueva", 0, "Chihuahua", "public reporting"),
        new("Cártel de Tláhuac", 0, "Ciudad de México", "public reporting"),
        new("La Barredora", 0, "Tabasco", "public reporting"),
    ];

    /// <summary>Known present-day rivalries (by name) that the generated graph always contains.</summary>
    public static IReadOnlyList<(string A, string B)> PresentDayRivalries { get; } =
    [
        ("CJNG", "Cártel de Sinaloa"), ("CJNG", "La Nueva Familia Michoacana"), ("CJNG", "Cárteles Unidos"),
        ("CJNG", "Cártel de Santa Rosa de Lima"), ("Cártel del Noreste", "Cártel del Golfo"),
        ("Unión Tepito", "Fuerza Anti-Unión"), ("La Línea", "Gente Nueva"), ("Cártel de Sinaloa", "Cártel de Caborca"),
        ("Los Ardillos", "Los Rojos"), ("CJNG", "Los Viagras"),
    ];

    /// <summary>Known present-day alliances.</summary>
    public static IReadOnlyList<(string A, string B)> PresentDayAlliances { get; } =
    [
        ("CJNG", "Fuerza Anti-Unión"), ("Cárteles Unidos", "Los Viagras"), ("Cártel de Sinaloa", "Gente Nueva"),
        ("La Nueva Familia Michoacana", "Los Rojos"),
    ];

    /// <summary>The 2007 landscape: a handful of large cartels before the kingpin strategy (shares: assumption).</summary>
    public static IReadOnlyList<NamedGroup> Year2007 { get; } =
    [
        new("Cártel de Sinaloa", 0.28, "Sinaloa", "assumption from public reporting"),
        new("Cártel del Golfo-Los Zetas", 0.22, "Tamaulipas", "assumption from public reporting"),
        new("Cártel de Juárez", 0.12, "Chihuahua", "assumption from public reporting"),
        new("Cártel Beltrán Leyva", 0.10, "Morelos", "assumption from public reporting"),
        new("Cártel de Tijuana", 0.08, "Baja California", "assumption from public reporting"),
        new("La Familia Michoacana", 0.10, "Michoacán", "assumption from public reporting"),
        new("Cártel del Milenio", 0.05, "Jalisco", "assumption from public reporting"),
        new("Cártel de Oaxaca", 0.05, "Oaxaca", "assumption from public reporting"),
    ];

    /// <summary>2007 rivalries.</summary>
    public static IReadOnlyList<(string A, string B)> Year2007Rivalries { get; } =
    [
        ("Cártel de Sinaloa", "Cártel de Juárez"), ("Cártel de Sinaloa", "Cártel del Golfo-Los Zetas"),
        ("Cártel de Sinaloa", "Cártel de Tijuana"), ("La Familia Michoacana", "Cártel del Golfo-Los Zetas"),
    ];

    /// <summary>2007 alliances.</summary>
    public static IReadOnlyList<(string A, string B)> Year2007Alliances { get; } =
    [
        ("Cártel de Sinaloa", "Cártel Beltrán Leyva"), ("Cártel de Sinaloa", "Cártel del Milenio"),
        ("Cártel de Juárez", "Cártel del Golfo-Los Zetas"),
    ];
}
