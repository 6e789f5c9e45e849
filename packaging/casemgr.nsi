; NSIS installer for casemgr on Windows 10/11 (built by scripts/package-windows.ps1).
;
;   makensis /INPUTCHARSET UTF8 /DVERSION=0.1.0 /DSOURCE=dist\casemgr /DICON=casemgr.ico
;            /DOUTFILE=dist\casemgr-0.1.0-setup.exe packaging\casemgr.nsi
;
; Per user, no administrator rights (an office PC's clerk rarely has them): the program goes
; to %LOCALAPPDATA%\Programs\casemgr, a Start-menu entry and an uninstaller are added for this
; user. The data — %LOCALAPPDATA%\casemgr\casemgr (database, backups, log) — is not the
; installer's: installing a newer version over an older one leaves it, and the program
; itself backs the database up and upgrades it at its next start; uninstalling leaves it too
; (docs/install.md says where it is and how to remove it by hand).
Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is required (/DVERSION=x.y.z)"
!endif
!ifndef SOURCE
  !error "SOURCE is required (/DSOURCE=dist\casemgr)"
!endif
!ifndef OUTFILE
  !define OUTFILE "casemgr-${VERSION}-setup.exe"
!endif

!define APPNAME "casemgr"
!define DISPLAYNAME "劳动争议与欠薪案件管理 (casemgr)"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\casemgr"

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${DISPLAYNAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\casemgr"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "casemgr ${VERSION}"
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\casemgr.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${DISPLAYNAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "casemgr 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "casemgr"

Section "casemgr" SecMain
  SectionIn RO
  ; A running copy keeps its files locked (Windows refuses to open them for writing): ask
  ; the user to close it instead of failing half-way through the copy.
  check_running:
  IfFileExists "$INSTDIR\casemgr.exe" 0 install
  ClearErrors
  FileOpen $0 "$INSTDIR\casemgr.exe" a
  IfErrors 0 not_running
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "请先关闭正在运行的案件管理程序，然后点击“重试”。$\r$\nPlease close casemgr first, then click Retry." /SD IDCANCEL IDRETRY check_running
  Abort
  not_running:
  FileClose $0
  install:
  ; The previous version's program files go; its data (elsewhere) stays.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\劳动争议与欠薪案件管理.lnk" "$INSTDIR\casemgr.exe" "" "$INSTDIR\casemgr.exe" 0
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${DISPLAYNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "casemgr"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\casemgr.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; Only the program: the cases, backups and log in %LOCALAPPDATA%\casemgr stay.
  Delete "$SMPROGRAMS\劳动争议与欠薪案件管理.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\casemgr.exe"
  Delete "$INSTDIR\casemgr-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  MessageBox MB_OK|MB_ICONINFORMATION "程序已卸载。案件数据和备份仍保存在 $LOCALAPPDATA\casemgr\casemgr 中。$\r$\nThe program was removed. The cases and backups remain in $LOCALAPPDATA\casemgr\casemgr." /SD IDOK
SectionEnd
