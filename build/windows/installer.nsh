; Included by the NSIS installer (electron-builder nsis.include): registers the housecall:// deep-link scheme for this
; per-user install (SHELL_CONTEXT is HKCU here) and removes it on uninstall. "--" ends Chromium switch parsing, so a
; crafted link can never be read as a command-line switch.

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\housecall" "" "URL:Housecall visit link"
  WriteRegStr SHELL_CONTEXT "Software\Classes\housecall" "URL Protocol" ""
  WriteRegStr SHELL_CONTEXT "Software\Classes\housecall\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\housecall\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHELL_CONTEXT "Software\Classes\housecall"
!macroend
