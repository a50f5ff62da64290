using Embassy.Cli;

return EmbassyCli.Run(args, Console.Out, Console.Error);
