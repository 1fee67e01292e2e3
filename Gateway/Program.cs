using AcousticDistill.Gateway.Hosting;

GatewayApplication.Create(args).Run();
