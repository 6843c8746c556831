using HousingLedger.Functions.Hosting.Standalone;

namespace HousingLedger.Functions.Tests.Hosting;

public sealed class LocalSettingsFileTests : IDisposable
{
    private readonly DirectoryInfo repository = Directory.CreateTempSubdirectory("local-settings-");

    [Fact]
    public void AddTo_ReadsTheValues_WithColonOrDoubleUnderscoreKeys()
    {
        Write("local.settings.json", """{"IsEncrypted":false,"Values":{"Operator:ApiKey":"k1","Settlement__FeePerJobPence":"25","Signing:KeyVaultKeyId":""}}""");
        var configuration = new ConfigurationManager();

        LocalSettingsFile.AddTo(configuration, repository.FullName);

        Assert.Equal("k1", configuration["Operator:ApiKey"]);
        Assert.Equal("25", configuration["Settlement:FeePerJobPence"]);
        Assert.Equal(string.Empty, configuration["Signing:KeyVaultKeyId"]);
    }

    [Fact]
    public void AddTo_RanksBelowEverySourceAlreadyThere_SoEnvironmentAndCommandLineWin()
    {
        Write("local.settings.json", """{"Values":{"Settlement:Schedule":"0 0 2 * * *","Operator:ApiKey":"from-file"}}""");
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("Settlement:Schedule", "0 0 5 * * *")]);

        LocalSettingsFile.AddTo(configuration, repository.FullName);

        Assert.Equal("0 0 5 * * *", configuration["Settlement:Schedule"]);
        Assert.Equal("from-file", configuration["Operator:ApiKey"]);
    }

    [Fact]
    public void AddTo_WithoutLocalSettings_ReadsTheSample()
    {
        Write("local.settings.sample.json", """{"Values":{"Operator:ApiKey":"sample"}}""");
        var configuration = new ConfigurationManager();

        var file = LocalSettingsFile.AddTo(configuration, repository.FullName);

        Assert.Equal(Path.Combine(repository.FullName, "local.settings.sample.json"), file);
        Assert.Equal("sample", configuration["Operator:ApiKey"]);
    }

    [Fact]
    public void AddTo_WithBothFiles_PrefersTheDevelopersOwn()
    {
        Write("local.settings.sample.json", """{"Values":{"Operator:ApiKey":"sample"}}""");
        Write("local.settings.json", """{"Values":{"Operator:ApiKey":"mine"}}""");
        var configuration = new ConfigurationManager();

        LocalSettingsFile.AddTo(configuration, repository.FullName);

        Assert.Equal("mine", configuration["Operator:ApiKey"]);
    }

    [Fact]
    public void AddTo_WithNeitherFile_AddsNothing()
    {
        var configuration = new ConfigurationManager();

        Assert.Null(LocalSettingsFile.AddTo(configuration, repository.FullName));
        Assert.Empty(configuration.AsEnumerable());
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON")]
    [InlineData("""{"Settings":{}}""", "has no \"Values\" object")]
    public void AddTo_MalformedFile_FailsNamingTheFile(string content, string reason)
    {
        Write("local.settings.json", content);

        var error = Assert.Throws<InvalidOperationException>(() => LocalSettingsFile.AddTo(new ConfigurationManager(), repository.FullName));

        Assert.Contains("local.settings.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => repository.Delete(recursive: true);

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(repository.FullName, name), content);
}
