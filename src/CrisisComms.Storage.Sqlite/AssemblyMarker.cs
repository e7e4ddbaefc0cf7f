namespace CrisisComms.Storage.Sqlite;

internal static class AssemblyMarker;
