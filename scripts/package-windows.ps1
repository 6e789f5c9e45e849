# Build casemgr for Windows 10/11: the frozen folder and an NSIS installer (docs/install.md).
#
#   powershell -ExecutionPolicy Bypass -File scripts\package-windows.ps1
#
# Needs: Python 3.11 or 3.12 for Windows (x64, from python.org, "Add to PATH"), and NSIS 3
# (makensis.exe on PATH or in "C:\Program Files (x86)\NSIS"). Writes
#   dist\casemgr\                       the folder (casemgr.exe, casemgr-cli.exe, _internal\)
#   dist\casemgr-<version>-setup.exe    the installer (per user, no administrator rights)
# The build environment is build\venv-windows (reused while pyproject.toml and
# packaging\constraints.txt are unchanged), separate from any development environment.
[CmdletBinding()]
param(
    [string]$Python = "py",
    [string]$Dist = ""
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
if (-not $Dist) { $Dist = Join-Path $Root "dist" }
New-Item -ItemType Directory -Force -Path $Dist | Out-Null
$Dist = (Resolve-Path $Dist).Path
$Venv = Join-Path $Root "build\venv-windows"
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("casemgr-build-" + [guid]::NewGuid())
$Constraints = Join-Path $Root "packaging\constraints.txt"

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

try {
    # ------------------------------------------------------------ build environment
    $pyArgs = @()
    if ($Python -eq "py") { $pyArgs = @("-3.11") }
    $hash = (Get-FileHash -Algorithm SHA256 -InputStream ([System.IO.MemoryStream]::new(
        [System.Text.Encoding]::UTF8.GetBytes((Get-Content -Raw "$Root\pyproject.toml") + (Get-Content -Raw $Constraints))))).Hash
    $stamp = Join-Path $Venv ".casemgr-build"
    $vpy = Join-Path $Venv "Scripts\python.exe"
    if (-not (Test-Path $stamp) -or (Get-Content -Raw $stamp).Trim() -ne $hash) {
        Write-Host "package-windows: preparing the build environment in $Venv"
        if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
        Invoke-Checked $Python ($pyArgs + @("-m", "venv", $Venv))
        Invoke-Checked $vpy @("-m", "pip", "install", "-q", "--upgrade", "pip")
        $deps = & $vpy -c "import tomllib; p = tomllib.load(open(r'$Root\pyproject.toml', 'rb'))['project']; print('\n'.join(p['dependencies'] + p['optional-dependencies']['postgres']))"
        if ($LASTEXITCODE -ne 0) { throw "cannot read pyproject.toml" }
        Invoke-Checked $vpy (@("-m", "pip", "install", "-q", "-c", $Constraints) + $deps + @("pyinstaller", "pyinstaller-hooks-contrib"))
        Set-Content -Path $stamp -Value $hash -Encoding ascii
    }

    # ------------------------------------------------------------ translations, icons, version resource
    Get-ChildItem "$Root\resources\translations\*.ts" | ForEach-Object {
        $qm = [System.IO.Path]::ChangeExtension($_.FullName, ".qm")
        if (-not (Test-Path $qm) -or (Get-Item $qm).LastWriteTime -lt $_.LastWriteTime) {
            Invoke-Checked (Join-Path $Venv "Scripts\pyside6-lrelease.exe") @("-silent", $_.FullName, "-qm", $qm)
        }
    }
    $icons = Join-Path $Work "icons"
    Invoke-Checked $vpy @("$Root\packaging\make_icons.py", $icons)
    $version = (& $vpy -c "import ast; t = ast.parse(open(r'$Root\casemgr\__init__.py', encoding='utf-8').read()); print(next(n.value.value for n in t.body if isinstance(n, ast.Assign) and n.targets[0].id == '__version__'))").Trim()
    $v = ($version.Split(".") + @("0", "0", "0"))[0..3] -join ", "
    $versionFile = Join-Path $Work "version.txt"
    @"
VSVersionInfo(
  ffi=FixedFileInfo(filevers=($v), prodvers=($v)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'casemgr'),
      StringStruct('FileDescription', 'casemgr labour dispute case manager'),
      StringStruct('FileVersion', '$version'),
      StringStruct('ProductName', 'casemgr'),
      StringStruct('ProductVersion', '$version')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"@ | Set-Content -Path $versionFile -Encoding ascii  # ASCII: no byte-order mark for PyInstaller to trip on

    # ------------------------------------------------------------ the folder
    Write-Host "package-windows: PyInstaller (a few minutes)"
    if (Test-Path "$Dist\casemgr") { Remove-Item -Recurse -Force "$Dist\casemgr" }
    $env:CASEMGR_ICON_DIR = $icons
    $env:CASEMGR_WINDOWS_VERSION_FILE = $versionFile
    Invoke-Checked $vpy @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", $Dist, "--workpath", (Join-Path $Work "pyinstaller"), "$Root\packaging\casemgr.spec")
    $reported = (& "$Dist\casemgr\casemgr-cli.exe" --version).Trim()
    if ($LASTEXITCODE -ne 0 -or -not $reported.StartsWith("casemgr $version ")) {
        throw "the frozen program does not start: $reported"
    }
    Write-Host "package-windows: $reported"

    # ------------------------------------------------------------ the installer
    $makensis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
    if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
    if (-not (Test-Path $makensis)) { throw "NSIS (makensis.exe) is not installed: https://nsis.sourceforge.io" }
    $setup = Join-Path $Dist "casemgr-$version-setup.exe"
    Invoke-Checked $makensis @("/INPUTCHARSET", "UTF8", "/V2",
        "/DVERSION=$version", "/DSOURCE=$Dist\casemgr", "/DICON=$icons\casemgr.ico",
        "/DOUTFILE=$setup", "$Root\packaging\casemgr.nsi")
    $size = "{0:N0} MB" -f ((Get-ChildItem -Recurse "$Dist\casemgr" | Measure-Object -Sum Length).Sum / 1MB)
    Write-Host "package-windows: folder $Dist\casemgr ($size), installer $setup"
}
finally {
    if (Test-Path $Work) { Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue }
}
