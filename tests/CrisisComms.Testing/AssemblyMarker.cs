namespace CrisisComms.Testing;

internal static class AssemblyMarker;
