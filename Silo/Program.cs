using AcousticDistill.Silo.Hosting;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddAcousticSilo();
builder.AddObservability();

var app = builder.Build();
app.MapObservabilityEndpoints();
app.MapOrleansDashboard(routePrefix: "/dashboard");
app.Run();
