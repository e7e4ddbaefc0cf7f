namespace CrisisComms.Storage.Redis;

internal static class AssemblyMarker;
