# The RaqqaLedger API. Build it through docker-compose.yml, which passes the two base images:
# Microsoft's .NET 10 SDK image and its ASP.NET Core 10 runtime image, from the registry you use.
ARG DOTNET_SDK_IMAGE
ARG DOTNET_RUNTIME_IMAGE

FROM ${DOTNET_SDK_IMAGE} AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/RaqqaLedger.Api -c Release -o /app && mkdir -p /empty/data

FROM ${DOTNET_RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app .
COPY seeds /app/seeds
# The API runs as the image's unprivileged user (APP_UID, which Microsoft's .NET images define); it owns
# only /app/data, where a generated key is kept (a named volume mounted there takes this ownership).
COPY --from=build --chown=$APP_UID /empty/data /app/data
USER $APP_UID
ENV Raqqa__SeedsPath=/app/seeds \
    ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --retries=6 CMD ["dotnet", "raqqa-ledger-api.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "raqqa-ledger-api.dll"]
