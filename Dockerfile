# syntax=docker/dockerfile:1
# SocialWatch worker image: build with the SDK, run on the small ASP.NET runtime image (the demo's
# loopback platform fakes use Kestrel) as a non-root user, with a read-only root file system.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so a code change does not re-download packages.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SocialWatch.Worker/SocialWatch.Worker.csproj src/SocialWatch.Worker/
COPY src/SocialWatch.Connectors/SocialWatch.Connectors.csproj src/SocialWatch.Connectors/
COPY src/SocialWatch.Rules/SocialWatch.Rules.csproj src/SocialWatch.Rules/
COPY src/SocialWatch.Fakes/SocialWatch.Fakes.csproj src/SocialWatch.Fakes/
RUN dotnet restore src/SocialWatch.Worker/SocialWatch.Worker.csproj -r linux-x64
COPY src/ src/
COPY db/ db/
COPY samples/ samples/
# A runtime identifier keeps SkiaSharp's native files to linux-x64 only.
RUN dotnet publish src/SocialWatch.Worker/SocialWatch.Worker.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_ENVIRONMENT=Production \
    # Nothing is written outside /tmp (a tmpfs in the compose file): no diagnostics pipes, no
    # first-run files.
    DOTNET_EnableDiagnostics=0 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    Health__InstanceFile=/tmp/socialwatch-instance
# The image's built-in unprivileged user (uid 1654).
USER $APP_UID
# Exits non-zero with a one-line reason when the database, the scheduler, a source or the alert
# queue is unhealthy.
HEALTHCHECK --interval=60s --timeout=30s --start-period=90s --retries=3 CMD ["/app/socialwatch", "health"]
# SIGTERM stops the host: Quartz lets running polls and sends finish (Scheduler__ShutdownTimeout).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/socialwatch"]
CMD ["run"]
