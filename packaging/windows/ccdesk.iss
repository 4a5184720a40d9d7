; Inno Setup 6 script for ccdesk: a per-user installer (no administrator rights), with a Start menu entry, an
; uninstaller, and ccdesk registered as a handler of tel:, callto: and ccdesk: links for the current user.
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
; URL protocol handlers for the current user (HKCU\Software\Classes overrides HKLM's classes for this user):
;   <scheme>\(Default) = "URL:..."  and  "URL Protocol" = ""   mark the key as a URL scheme
;   <scheme>\DefaultIcon\(Default) = "path,index"
;   <scheme>\shell\open\command\(Default) = "C:\...\ccdesk.exe" "%1"   (the whole URL as one argument;
;   inside a quoted Inno Setup parameter a double quote is written twice)
; ccdesk: is ours alone: the whole key goes at uninstall. tel: and callto: may be shared with other softphones:
; only our values go, and each key only if nothing else is left in it.
Root: HKCU; Subkey: "Software\Classes\ccdesk"; ValueType: string; ValueName: ""; ValueData: "URL:ccdesk link"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links

Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: ""; ValueData: "URL:Telephone link"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel\shell"; Flags: uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel\shell\open"; Flags: uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\tel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links

Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: ""; ValueData: "URL:CallTo link"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto\shell"; Flags: uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto\shell\open"; Flags: uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\Classes\callto\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Flags: uninsdeletevalue uninsdeletekeyifempty; Tasks: links

; Windows 10/11 let the user pick the default app per scheme (Settings > Default apps); a choice made there wins
; over the keys above. Declaring ccdesk's capabilities puts it in that list for tel: and callto:.
Root: HKCU; Subkey: "Software\Classes\ccdesk.url"; ValueType: string; ValueName: ""; ValueData: "ccdesk link"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk.url\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: links
Root: HKCU; Subkey: "Software\Classes\ccdesk.url\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "8x8 Contact Center softphone controller"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "ccdesk.url"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "ccdesk.url"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk\Capabilities\URLAssociations"; ValueType: string; ValueName: "ccdesk"; ValueData: "ccdesk.url"; Tasks: links
Root: HKCU; Subkey: "Software\ccdesk"; Flags: uninsdeletekeyifempty; Tasks: links
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "ccdesk"; ValueData: "Software\ccdesk\Capabilities"; Flags: uninsdeletevalue; Tasks: links

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
