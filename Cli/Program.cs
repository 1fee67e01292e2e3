using AcousticDistill.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("acoustic");
    config.PropagateExceptions();
    config.SetInterceptor(new TorchThreadsInterceptor());
    config.AddCommands();
});
return CliErrors.Run(() => app.Run(args));
