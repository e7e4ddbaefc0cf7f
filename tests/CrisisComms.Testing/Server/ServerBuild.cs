namespace CrisisComms.Testing.Server;

/// <summary>Finds the server's build output beside the tests' own (same configuration).</summary>
public static class ServerBuild
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ProjectFolder => Path.Combine(RepositoryRoot, "src", "CrisisComms.Server");

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string Dll
    {
        get
        {
            var dll = Path.Combine(ProjectFolder, "bin", Configuration, "net10.0", "CrisisComms.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first: {dll} is missing.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CrisisComms.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("CrisisComms.sln not found above the test folder.");
    }
}
