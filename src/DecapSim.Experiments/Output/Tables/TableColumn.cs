namespace DecapSim.Experiments.Output.Tables;

/// <summary>The type of a table column, the same in the CSV (how its text is written) and in Parquet (its physical
/// and logical type).</summary>
public enum ColumnType
{
    /// <summary>A whole number: CSV digits; Parquet INT32.</summary>
    Int32,
    /// <summary>An unsigned 64-bit whole number (seeds): CSV digits; Parquet INT64 annotated UINT_64.</summary>
    UInt64,
    /// <summary>A real number: CSV shortest form with up to 6 decimals (<see cref="Csv.Num"/>), empty for NaN; Parquet
    /// DOUBLE at full precision, optional, null for NaN (as a CSV reader reads the empty field).</summary>
    Double,
    /// <summary>Text: CSV quoted when needed; Parquet BYTE_ARRAY annotated STRING (UTF-8).</summary>
    Text,
    /// <summary>A calendar date: CSV yyyy-MM-dd; Parquet INT32 annotated DATE (days since 1970-01-01).</summary>
    Date,
}

/// <summary>A column of a table: its name (the CSV header), its type and whether it may be empty (null).</summary>
public sealed record TableColumn(string Name, ColumnType Type, bool Nullable = false)
{
    public static TableColumn Int(string name, bool nullable = false) => new(name, ColumnType.Int32, nullable);
    public static TableColumn Seed(string name) => new(name, ColumnType.UInt64);
    public static TableColumn Num(string name) => new(name, ColumnType.Double, true);
    public static TableColumn Text(string name, bool nullable = false) => new(name, ColumnType.Text, nullable);
    public static TableColumn Date(string name) => new(name, ColumnType.Date);
}
