; Inno Setup 6/7 script for ccdesk: a per-user installer (no administrator rights), with a Start menu entry, an
; uninstaller, and ccdesk offered as the app for tel: and callto: links (the user chooses it in Settings > Default
; apps) and the handler of its own ccdesk: links. packaging/README.md says what it writes and what the uninstaller
; removes, with the documentation each part follows.
;
; Built by `python packaging/build.py` on Windows, which passes the values below; by hand (after the bundle exists):
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\..\dist\ccdesk /DIconFile=..\..\build\icons\ccdesk.ico ^
;        /DOutputDir=..\..\dist packaging\windows\ccdesk.iss
; Relative paths are relative to this file's folder (Inno Setup's SourceDir default).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (build.py takes it from ccdesk.__version__)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\ccdesk"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\ccdesk.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "ccdesk"
#define AppExe "ccdesk.exe"
; ccdesk.exe holds this mutex while it runs (ccdesk.core.instance.APP_MUTEX; a test checks they match)
#define AppMutexName "ccdesk-6F1B6C53-6C0E-4B8B-9D55-3C1C2D0E8A41-running"

[Setup]
; AppId identifies the installation for upgrades and the uninstaller: never change it. ({{ escapes the brace.)
AppId={{6F1B6C53-6C0E-4B8B-9D55-3C1C2D0E8A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ccdesk
AppComments=Desktop softphone controller for the 8x8 Contact Center
VersionInfoVersion={#AppVersion}
; Per-user install: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs, {autoprograms} the user's Start menu,
; and the uninstaller is registered under HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#IconFile}
OutputDir={#OutputDir}
OutputBaseFilename=ccdesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Tell Explorer that URL associations changed (SHChangeNotify) after install and uninstall.
ChangesAssociations=yes
; Close a running ccdesk (Restart Manager) before replacing its files.
CloseApplications=yes
RestartApplications=no
; Setup and the uninstaller refuse to go on while ccdesk runs (also from the tray, which the Restart Manager may
; not see as an app), so no DLL in use is left behind; ccdesk creates this mutex at start-up.
AppMutex={#AppMutexName}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "links"; Description: "Open tel:, callto: and ccdesk: links with ccdesk"; GroupDescription: "Links:"

[Files]
; The whole PyInstaller onedir bundle (ccdesk.exe and _internal\).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that this one no longer ships must not linger in _internal\.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "8x8 Contact Center softphone controller"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Links (Microsoft: "Registering an Application to a URI Scheme"; "Default Programs", Capabilities and
; URLAssociations; "Launch the Default Apps settings page"):
; - ccdesk: is ccdesk's own scheme: its whole key is written and goes at uninstall.
; - tel: and callto: belong to whichever app the user chose (Windows 8 and later protect that choice): ccdesk never
;   writes their keys. It registers a ProgID (ccdesk.url) and declares it for tel:/callto: under Capabilities, which
;   puts ccdesk in Settings > Default apps and in Windows' "How do you want to open this?" list. Uninstalling removes
;   only ccdesk's own keys, so another softphone's handler keeps working.
; - Every command Windows runs for a link is  "...\ccdesk.exe" -- "%1"  ("" is a quote inside a quoted value): "--"
;   ends ccdesk's options, so a link, or a launcher that passes a raw quote through, can never add one such as
;   --base-url (Electron's CVE-2018-1000006; tests/unit/test_link_handlers.py).
Root: HKCU; Subkey: "Software\Classes\ccdesk"; ValueType: string; ValueName: ""; ValueData: "URL:ccdesk link"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" -- ""%1"""; Tasks: links

Root: HKCU; Subkey: "Software\Classes\ccdesk.url"; ValueType: string; ValueName: ""; ValueData: "Phone link (ccdesk)"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk.url"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk.url\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk.url\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" -- ""%1"""; Tasks: links

Root: HKCU; Subkey: "Software\ccdesk"; Flags: uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "8x8 Contact Center softphone controller"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities"; ValueType: string; ValueName: "ApplicationIcon"; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "ccdesk.url"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "ccdesk.url"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "ccdesk"; ValueData: "ccdesk.url"; Tasks: links
; The value's name ("ccdesk") is what ms-settings:defaultapps?registeredAppUser= takes (see [Run]).
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "{#AppName}"; ValueData: "Software\ccdesk\Capabilities"; Flags: uninsdeletevalue; Tasks: links

[Run]
; Windows lets only the user make ccdesk the app for tel:/callto: links: offer to open its page in Settings >
; Default apps (Windows 11 with the 2023-04 update and later opens ccdesk's own page; older versions the list).
Filename: "ms-settings:defaultapps?registeredAppUser={#AppName}"; Description: "Choose ccdesk for phone links (opens Settings > Default apps)"; Flags: shellexec nowait postinstall skipifsilent unchecked; Tasks: links
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// Before this version the installer wrote HKCU\Software\Classes\tel and \callto itself. On upgrade, remove those
// keys when they still run this ccdesk (and only then), so the user's choice in Settings > Default apps decides.
procedure RemoveOldSchemeKey(const Scheme: String);
var
  Command: String;
begin
  if RegQueryStringValue(HKCU, 'Software\Classes\' + Scheme + '\shell\open\command', '', Command) and
     (Pos(Lowercase(ExpandConstant('{app}\{#AppExe}')), Lowercase(Command)) > 0) then
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\Classes\' + Scheme);
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if CurStep = ssPostInstall then
  begin
    RemoveOldSchemeKey('tel');
    RemoveOldSchemeKey('callto');
  end;
end;
