; Inno Setup 6 recipe: the Windows installer of PyInstaller's one-folder build.
; NOT RUN on the project's Linux machines; .github/workflows/package.yml runs it on a hosted
; Windows runner (see packaging/README.md):
;
;   python packaging\icons.py ico build\icons\panelbook.ico
;   pyinstaller --noconfirm --distpath build\dist --workpath build\pyinstaller packaging\panelbook.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\panelbook.iss
;
; writes dist\panelbook-0.1.0-windows-x64-setup.exe.  It installs for the current user by
; default (no administrator needed; the dialog offers all users), adds Panelbook to the Start
; menu, and uninstalls from Settings > Apps.  The data folder (%LOCALAPPDATA%\Panelbook) is
; the user's and stays.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (panelbook.__version__)
#endif

[Setup]
; The AppId names this program to Windows across versions: never change it.
AppId={{9740B0A4-B865-4A29-A96C-493EC885A14E}
AppName=Panelbook
AppVersion={#AppVersion}
AppVerName=Panelbook {#AppVersion}
AppPublisher=The Panelbook developers
DefaultDirName={autopf}\Panelbook
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=panelbook-{#AppVersion}-windows-x64-setup
SetupIconFile=build\icons\panelbook.ico
UninstallDisplayIcon={app}\panelbook.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Files]
Source: "build\dist\panelbook\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Panelbook"; Filename: "{app}\panelbook.exe"
Name: "{autodesktop}\Panelbook"; Filename: "{app}\panelbook.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\panelbook.exe"; Description: "{cm:LaunchProgram,Panelbook}"; Flags: nowait postinstall skipifsilent
