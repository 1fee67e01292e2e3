using AcousticDistill.Silo.Hosting;

SiloApplication.Create(args).Run();
