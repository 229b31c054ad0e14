# syntax=docker/dockerfile:1
# SocialWatch images, built with the SDK, run on the small ASP.NET runtime image (the review page is
# ASP.NET Core) as the image's non-root user, with a read-only root file system (compose sets it).
#
#   docker build -t socialwatch .                     the production worker (the last stage): `socialwatch`
#   docker build --target demo -t socialwatch-demo .  the demo: `socialwatch-demo` = the same commands
#                                                     plus `demo` and `bench`, with the loopback platform
#                                                     fakes and the sample data
# The production image holds no fakes, no sample data and no benchmark code (docs/deployment.md).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so a code change does not re-download packages.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/SocialWatch.Worker/SocialWatch.Worker.csproj src/SocialWatch.Worker/
COPY src/SocialWatch.Connectors/SocialWatch.Connectors.csproj src/SocialWatch.Connectors/
COPY src/SocialWatch.Rules/SocialWatch.Rules.csproj src/SocialWatch.Rules/
COPY src/SocialWatch.Fakes/SocialWatch.Fakes.csproj src/SocialWatch.Fakes/
COPY src/SocialWatch.Demo/SocialWatch.Demo.csproj src/SocialWatch.Demo/
# The demo project references the worker, so one restore covers both.
RUN dotnet restore src/SocialWatch.Demo/SocialWatch.Demo.csproj -r linux-x64
COPY src/ src/
COPY db/ db/
COPY samples/ samples/
# A runtime identifier keeps SkiaSharp's native files to linux-x64 only.
RUN dotnet publish src/SocialWatch.Worker/SocialWatch.Worker.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /out/worker \
 && dotnet publish src/SocialWatch.Demo/SocialWatch.Demo.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /out/demo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base
WORKDIR /app
ENV DOTNET_ENVIRONMENT=Production \
    # Nothing is written outside /tmp (a tmpfs in the compose file): no diagnostics pipes, no
    # first-run files.
    DOTNET_EnableDiagnostics=0 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    Health__InstanceFile=/tmp/socialwatch-instance
# SIGTERM stops the host: Quartz lets running polls and sends finish (Scheduler__ShutdownTimeout).
STOPSIGNAL SIGTERM

FROM base AS demo
COPY --from=build /out/demo ./
# The image's built-in unprivileged user (uid 1654).
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=30s --start-period=90s --retries=3 CMD ["/app/socialwatch-demo", "health"]
ENTRYPOINT ["/app/socialwatch-demo"]
# The root file system is read-only: the demo keeps its files under /tmp.
CMD ["demo", "--data", "/tmp/demo"]

FROM base AS runtime
COPY --from=build /out/worker ./
USER $APP_UID
# Exits non-zero with a one-line reason when the database, the scheduler, a source or the alert
# queue is unhealthy.
HEALTHCHECK --interval=60s --timeout=30s --start-period=90s --retries=3 CMD ["/app/socialwatch", "health"]
ENTRYPOINT ["/app/socialwatch"]
CMD ["run"]
