# syntax=docker/dockerfile:1
# Image of the Orleans silo (learning flow and transcription session grains).
# Build from the repository root:  docker build -f docker/silo.Dockerfile -t acoustic-distill/silo:0.1.0 .
#
# Runtime base: the .NET 10 ASP.NET image on Ubuntu 24.04 ("noble", the default for .NET 10), whose libstdc++ (GCC 14)
# provides GLIBCXX_3.4.32, which TorchSharp's libLibTorchSharp.so asks for. A Debian 12 base works too, but only
# because our publish output carries the copy of that library whose version requirement the build made weak
# (Directory.Build.targets, scripts/msbuild/WeakenElfVersionRequirement.cs). See docs/operations.md.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached while the sources change.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props HostMemory.props ./
COPY scripts/msbuild/ scripts/msbuild/
COPY Acoustic/Acoustic.csproj Acoustic/
COPY Grains.Interfaces/Grains.Interfaces.csproj Grains.Interfaces/
COPY Grains/Grains.csproj Grains/
COPY ServiceDefaults/ServiceDefaults.csproj ServiceDefaults/
COPY Silo/Silo.csproj Silo/
RUN dotnet restore Silo/Silo.csproj
COPY Acoustic/ Acoustic/
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Grains/ Grains/
COPY ServiceDefaults/ ServiceDefaults/
COPY Silo/ Silo/
COPY models/ models/
RUN dotnet publish Silo/Silo.csproj -c Release --no-restore -o /app

# CMUdict, the decoder's pronunciation lexicon, and CMU's general US English trigram (the open-vocabulary task's LM),
# from the distribution's pocketsphinx-en-us package; only these two files are copied into the runtime image (the
# package's acoustic models are not needed).
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS lexicon
RUN apt-get update \
    && apt-get install -y --no-install-recommends pocketsphinx-en-us \
    && rm -rf /var/lib/apt/lists/*

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
COPY --from=lexicon /usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict /usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict
COPY --from=lexicon /usr/share/pocketsphinx/model/en-us/en-us.lm.bin /usr/share/pocketsphinx/model/en-us/en-us.lm.bin
# The publish output carries the committed default models in models/ (Silo.csproj), seeded into the store for families
# that serve nothing yet (Models:DefaultDirectory).
COPY --from=build /app ./
# appsettings.json binds localhost only; listen on every address inside the container. The general LM is converted into
# the compact form once, on the (writable) work volume.
ENV Urls=http://+:8080 \
    ModelStore__Path=/var/lib/acoustic-distill/model-store \
    Compute__WorkDirectory=/var/lib/acoustic-distill/work \
    Transcription__LanguageModelCache=/var/lib/acoustic-distill/work/language-models
RUN mkdir -p /var/lib/acoustic-distill/model-store /var/lib/acoustic-distill/work \
    && chown -R $APP_UID /var/lib/acoustic-distill
EXPOSE 8080 11111 30000
# The non-root user of the .NET images (UID 1654); the chart's securityContext uses the same ids.
USER $APP_UID
ENTRYPOINT ["dotnet", "AcousticDistill.Silo.dll"]
