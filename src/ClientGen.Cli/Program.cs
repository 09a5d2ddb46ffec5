using System;
using ClientGen.Cli;

return await CliApp.InvokeAsync(args, Console.Out, Console.Error);
