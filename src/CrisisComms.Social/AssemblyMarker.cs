namespace CrisisComms.Social;

internal static class AssemblyMarker;
