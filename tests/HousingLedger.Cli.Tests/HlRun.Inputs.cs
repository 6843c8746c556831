namespace HousingLedger.Cli;

internal sealed partial record HlRun
{
    /// <summary>The test input at <paramref name="path"/> under testdata, as an argument.</summary>
    public static string Input(string path) => CliTestData.PathOf(path.Split('/'));
}
