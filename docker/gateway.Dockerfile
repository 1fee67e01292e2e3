# syntax=docker/dockerfile:1
# Image of the Gateway (WebSocket /v1/stream, REST, demo page; an Orleans client of the silos).
# Build from the repository root:  docker build -f docker/gateway.Dockerfile -t acoustic-distill/gateway:0.1.0 .
#
# The Gateway references the grain contracts only: no TorchSharp, no libtorch, no audio code, no lexicon (the silos
# decode), so this image needs nothing beyond the ASP.NET runtime.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached while the sources change.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props HostMemory.props ./
COPY scripts/msbuild/ scripts/msbuild/
COPY Grains.Interfaces/Grains.Interfaces.csproj Grains.Interfaces/
COPY ServiceDefaults/ServiceDefaults.csproj ServiceDefaults/
COPY Gateway/Gateway.csproj Gateway/
RUN dotnet restore Gateway/Gateway.csproj
COPY Grains.Interfaces/ Grains.Interfaces/
COPY ServiceDefaults/ ServiceDefaults/
COPY Gateway/ Gateway/
RUN dotnet publish Gateway/Gateway.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app ./
# appsettings.json binds localhost only; listen on every address inside the container.
ENV Urls=http://+:8080
EXPOSE 8080
# The non-root user of the .NET images (UID 1654); the chart's securityContext uses the same ids.
USER $APP_UID
ENTRYPOINT ["dotnet", "AcousticDistill.Gateway.dll"]
