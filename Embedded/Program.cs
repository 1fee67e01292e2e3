using AcousticDistill.Embedded.Hosting;

EmbeddedApplication.Create(args).Run();
