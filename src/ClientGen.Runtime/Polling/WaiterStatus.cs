namespace ClientGen.Runtime.Polling;

/// <summary>Turns a status property of any generated type (string, open enum, number) into the text waiters compare.</summary>
public static class WaiterStatus
{
    /// <summary>The value's wire text, or null.</summary>
    public static string? Of(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        System.IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
