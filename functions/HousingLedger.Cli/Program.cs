using HousingLedger.Cli;

return await Hl.RunAsync(args, AuditorConsole.Standard());
