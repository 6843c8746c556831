using System.CommandLine;
using HousingLedger.Witnessing;

namespace HousingLedger.Cli.Commands;

/// <summary>
/// <c>hl witness-key NAME --out FILE</c>: makes an association's witness key, on the association's own machine. The
/// private key goes to FILE (never to the service); the verifier key, to register and to give auditors, to stdout.
/// </summary>
internal static class WitnessKeyCommand
{
    public static Command Create(AuditorConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The witness's name, a schema-less URL such as witness.riverside.example/hl." };
        var output = new Option<string>("--out") { Description = "Where to write the private key; the file must not exist yet.", HelpName = "FILE", Required = true };
        var command = new Command("witness-key", "Makes a witness key: writes the private key to a new file and prints the verifier key to register (PUT /api/witness).")
        {
            name, output,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(name)!, parsed.GetValue(output)!));
        return command;
    }

    private static int Run(AuditorConsole console, string name, string path)
    {
        WitnessKey key;
        try
        {
            key = WitnessKey.Generate(name);
        }
        catch (ArgumentException bad)
        {
            return (int)console.Problem(ExitCode.Usage, bad.Message);
        }

        using (key)
        {
            try
            {
                // CreateNew: an existing key is never overwritten, since its cosignatures would then stop being the witness's.
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file);
                writer.WriteLine(key.ToPrivateKeyText());
            }
            catch (IOException cannot)
            {
                return (int)console.Problem(ExitCode.Usage, $"cannot write the witness key to '{path}': {cannot.Message}");
            }

            console.Out.WriteLine(key.Public.ToVerifierKey());
            return (int)ExitCode.Holds;
        }
    }
}
