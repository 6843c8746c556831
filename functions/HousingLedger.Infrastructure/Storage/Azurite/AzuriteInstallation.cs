using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace HousingLedger.Infrastructure.Storage.Azurite;

/// <summary>
/// The Azurite pinned in the repository's <c>package.json</c>, installed with <c>npm ci</c> when it or any other package
/// pinned there (the console's libraries) is missing, so a clone made before a package was added catches up by itself.
/// </summary>
public static class AzuriteInstallation
{
    // One lock for every checkout on the machine: two processes must never run npm ci into one node_modules.
    private static readonly string InstallLockPath = Path.Combine(Path.GetTempPath(), "housingledger-npm-ci.lock");

    /// <summary>The <c>node_modules/.bin</c> launcher of the pinned Azurite.</summary>
    public static string ExecutablePath(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");

    public static bool IsInstalled(string repositoryRoot) =>
        File.Exists(ExecutablePath(repositoryRoot)) &&
        PinnedPackages(repositoryRoot).All(name => File.Exists(Path.Combine(repositoryRoot, "node_modules", name, "package.json")));

    private static IEnumerable<string> PinnedPackages(string repositoryRoot)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(repositoryRoot, RepositoryRoot.MarkerFile)));
        return document.RootElement.TryGetProperty("devDependencies", out var pinned)
            ? [.. pinned.EnumerateObject().Select(p => p.Name)]
            : [];
    }

    /// <summary>
    /// Runs <c>npm ci</c> in <paramref name="repositoryRoot"/> unless Azurite is installed there already. Concurrent
    /// callers, in this process or others, wait for one install instead of racing it.
    /// </summary>
    /// <exception cref="AzuriteUnavailableException">npm is missing or the install failed.</exception>
    public static async Task EnsureInstalledAsync(string repositoryRoot, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryRoot);
        ArgumentNullException.ThrowIfNull(logger);
        if (IsInstalled(repositoryRoot))
        {
            return;
        }

        await using var installLock = await AcquireInstallLockAsync(cancellationToken);
        if (IsInstalled(repositoryRoot))
        {
            return;
        }

        logger.LogInformation("The packages pinned in package.json are not all installed in {RepositoryRoot}; running npm ci", repositoryRoot);
        await RunNpmCiAsync(repositoryRoot, cancellationToken);
        if (!IsInstalled(repositoryRoot))
        {
            throw new AzuriteUnavailableException(
                $"npm ci in {repositoryRoot} finished but {ExecutablePath(repositoryRoot)} is still missing; check that package.json pins azurite.");
        }
    }

    private static async Task<FileStream> AcquireInstallLockAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(InstallLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static async Task RunNpmCiAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci"])
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var npm = new Process { StartInfo = startInfo };
        try
        {
            npm.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new AzuriteUnavailableException(
                $"Azurite is not installed in {repositoryRoot} and npm could not be started ({ex.Message}). Install Node.js 20 or later, then run `npm ci` in {repositoryRoot}.",
                ex);
        }

        var output = ProcessOutputTail.Attach(npm);
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new AzuriteUnavailableException(
                $"npm ci in {repositoryRoot} failed with exit code {npm.ExitCode}. Run `npm ci` there yourself to see why.{Environment.NewLine}{output}");
        }
    }
}
