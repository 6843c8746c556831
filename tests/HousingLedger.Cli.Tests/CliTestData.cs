namespace HousingLedger.Cli;

/// <summary>Finds the test inputs, which the build copies next to the test assembly.</summary>
internal static class CliTestData
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "testdata", .. parts]);
}
