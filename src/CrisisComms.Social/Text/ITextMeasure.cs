namespace CrisisComms.Social.Text;

/// <summary>How long a channel considers a text to be: each channel counts differently.</summary>
internal interface ITextMeasure
{
    /// <param name="text">NFC-normalised text.</param>
    int Measure(string text);
}
