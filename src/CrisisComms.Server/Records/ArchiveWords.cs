using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Records;

/// <summary>
/// The Swedish words of the printed record, the ones the console shows (strings.sv.js), each
/// followed by the API's value so a reader can match the page with <c>incident.json</c>.
/// </summary>
internal static class ArchiveWords
{
    public static string Of(NoticeKind kind) => With(kind switch
    {
        NoticeKind.Alert => "Larm",
        NoticeKind.Update => "Uppdatering",
        _ => "Faran över",
    }, kind);

    public static string Of(NoticeState state) => With(state switch
    {
        NoticeState.Draft => "Utkast",
        NoticeState.PendingApproval => "Väntar på godkännande",
        NoticeState.Rejected => "Avvisat",
        NoticeState.Live => "Publicerat",
        NoticeState.Superseded => "Ersatt",
        NoticeState.Withdrawn => "Tillbakadraget",
        NoticeState.Expired => "Utgånget",
        _ => "Avslutat",
    }, state);

    public static string Of(Severity severity) => With(severity switch
    {
        Severity.Critical => "Kris",
        Severity.Warning => "Viktig information",
        _ => "Information",
    }, severity);

    public static string Of(Audience audience) => With(audience == Audience.Staff ? "Bara personalen (intranätet)" : "Alla", audience);

    public static string Of(NoticeMode mode) => With(mode switch
    {
        NoticeMode.Actual => "Skarpt",
        NoticeMode.Exercise => "Övning",
        _ => "Test",
    }, mode);

    public static string Of(StageState state) => With(state switch
    {
        StageState.Done => "klart",
        StageState.Scheduled => "planerat",
        StageState.Pending => "väntar på föregående steg",
        StageState.Running => "pågår",
        StageState.Failed => "misslyckades",
        StageState.Skipped => "hoppades över",
        _ => "avbrutet",
    }, state);

    private static string With<T>(string word, T value) where T : struct, Enum => $"{word} ({value.ToCamelCase()})";
}
