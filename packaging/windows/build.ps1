# Build the standalone Effect Desktop app for Windows: one command, from a checkout.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Venv] [-Dist DIR]
#
# Same steps as packaging/build.sh on Linux: build tools, icons (.ico), PyInstaller on
# packaging/effect-desktop.spec, a zip, the start-up time, and the built app's --self-test last.
# Result: DIR\EffectDesktop\EffectDesktop.exe (double-click; no console) and
# DIR\EffectDesktop\effect-desktop.exe (console: CLI and --self-test), zipped as
# DIR\EffectDesktop-<version>-windows-x64.zip. Signing is left to the maintainer (see README.md).
param(
    [switch]$Venv,
    [string]$Dist = "dist",
    [string]$Work = "build\pyinstaller"
)
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

function Step($text) { Write-Host "`n== $text" }
function Invoke-Checked { & $args[0] $args[1..($args.Length - 1)]; if ($LASTEXITCODE -ne 0) { throw "$($args -join ' ') failed ($LASTEXITCODE)" } }

$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
if ($Venv) {
    Step "build venv (build\venv)"
    Invoke-Checked $python -m venv build\venv
    $python = Join-Path $root "build\venv\Scripts\python.exe"
    Invoke-Checked $python -m pip install -q --upgrade pip
    Invoke-Checked $python -m pip install -q ".[sync]" -r packaging\requirements-build.txt
}
& $python -c "import PyInstaller, PIL" 2>$null
if ($LASTEXITCODE -ne 0) { Invoke-Checked $python -m pip install -q -r packaging\requirements-build.txt }
& $python -c "import effect_desktop, PySide6.QtCharts" 2>$null
if ($LASTEXITCODE -ne 0) { throw "$python cannot import effect_desktop and PySide6.QtCharts: run '$python -m pip install -e .' first, or use -Venv" }
$version = & $python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"

Step "icons (.ico)"
New-Item -ItemType Directory -Force build\icons | Out-Null
Invoke-Checked $python packaging\make_icons.py --ico build\icons\effect-desktop.ico
$env:EFFECT_ICON = Join-Path $root "build\icons\effect-desktop.ico"

Step "PyInstaller -> $Dist\EffectDesktop"
Invoke-Checked $python -m PyInstaller --noconfirm --log-level WARN --distpath $Dist --workpath $Work packaging\effect-desktop.spec
$app = Join-Path $Dist "EffectDesktop"
$sizeMb = [math]::Round(((Get-ChildItem $app -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)

Step "zip"
$zip = Join-Path $Dist "EffectDesktop-$version-windows-x64.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path $app -DestinationPath $zip

Step "start-up time (process start to main window painted, offscreen)"
$env:QT_QPA_PLATFORM = "offscreen"
$times = 1..3 | ForEach-Object {
    [math]::Round((Measure-Command { & (Join-Path $app "effect-desktop.exe") --startup-probe | Out-Null }).TotalMilliseconds)
}
Write-Host "first run $($times[0]) ms, then $($times[1]) ms and $($times[2]) ms"

Step "self-test of the built app"
& (Join-Path $app "effect-desktop.exe") --self-test
if ($LASTEXITCODE -ne 0) { throw "the built app's self-test failed" }
Remove-Item Env:QT_QPA_PLATFORM
Write-Host "`nbuilt Effect Desktop $version`: $sizeMb MB unpacked, start to window $($times[0]) ms (first of 3 runs)"
