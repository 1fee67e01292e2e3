using AcousticDistill.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("acoustic");
    config.PropagateExceptions();
    config.SetInterceptor(new TorchThreadsInterceptor());
    config.AddCommands();
});
return CliErrors.Run(() => app.Run(args));
