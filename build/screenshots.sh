#!/usr/bin/env bash
# Refreshes the README's screenshots (docs/images/) from the browser tests that take them: the phone login page
# (LoginPageBrowserTests), the consent page (LinkFlowTests) and the console dashboard with a link counted (AdminJourneyTests). The normal suite writes its
# screenshots to artifacts/screenshots/ only; this script is the one place that copies three of them into the docs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export ALH_CHROMIUM="${ALH_CHROMIUM:-$(command -v chromium)}" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet build tests/Web.BrowserTests -v q
dotnet test --project tests/Web.BrowserTests/AlexaLinkHub.Web.BrowserTests.csproj --no-build -- \
  --filter-class "*.LoginPageBrowserTests" --filter-class "*.LinkFlowTests" --filter-class "*.AdminJourneyTests"
mkdir -p docs/images
cp artifacts/screenshots/login.png docs/images/phone-login.png
cp artifacts/screenshots/consent.png docs/images/phone-consent.png
cp artifacts/screenshots/admin-dashboard-linked.png docs/images/console-dashboard.png
echo "docs/images/: phone-login.png, phone-consent.png, console-dashboard.png refreshed"
