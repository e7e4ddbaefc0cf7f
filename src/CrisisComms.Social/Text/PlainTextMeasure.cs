namespace CrisisComms.Social.Text;

/// <summary>UTF-16 code units: never fewer than the characters Facebook counts, so a fitted text always fits.</summary>
internal sealed class PlainTextMeasure : ITextMeasure
{
    public static readonly PlainTextMeasure Instance = new();

    public int Measure(string text) => text.Length;
}
