// electron-builder msiProjectCreated hook: adds the housecall:// registration for all users (HKLM\Software\Classes)
// to the generated WiX project of the per-machine MSI; MSI removes it again on uninstall.
import { readFileSync, writeFileSync } from 'node:fs';

/** Fixed: Windows Installer tracks the registry component by it across upgrades. */
export const COMPONENT_GUID = '{CF003497-FD73-428C-99EA-184911065217}';
const COMPONENT_ID = 'HousecallProtocolRegistration';
const GROUP_START = '<ComponentGroup Id="ProductComponents" Directory="APPLICATIONFOLDER">';

function protocolComponent(exeName) {
  const exe = `[APPLICATIONFOLDER]${exeName}`;
  // "--" ends Chromium switch parsing, so a crafted link can never be read as a command-line switch.
  const command = `&quot;${exe}&quot; -- &quot;%1&quot;`;
  return [
    `      <Component Id="${COMPONENT_ID}" Guid="${COMPONENT_GUID}">`,
    '        <RegistryKey Root="HKLM" Key="Software\\Classes\\housecall">',
    '          <RegistryValue Type="string" Value="URL:Housecall visit link" KeyPath="yes"/>',
    '          <RegistryValue Type="string" Name="URL Protocol" Value=""/>',
    '          <RegistryKey Key="DefaultIcon">',
    `            <RegistryValue Type="string" Value="${exe},0"/>`,
    '          </RegistryKey>',
    '          <RegistryKey Key="shell\\open\\command">',
    `            <RegistryValue Type="string" Value="${command}"/>`,
    '          </RegistryKey>',
    '        </RegistryKey>',
    '      </Component>',
  ].join('\n');
}

/** The WiX project with the protocol component added to the product's components (unchanged if already there). */
export function addProtocolRegistration(wxs, exeName = 'Housecall.exe') {
  if (wxs.includes(`Id="${COMPONENT_ID}"`)) return wxs;
  const at = wxs.indexOf(GROUP_START);
  if (at === -1) throw new Error('msi-protocol: the WiX project has no ProductComponents group; electron-builder changed its MSI template.');
  const insertAt = at + GROUP_START.length;
  return `${wxs.slice(0, insertAt)}\n${protocolComponent(exeName)}${wxs.slice(insertAt)}`;
}

export async function msiProjectCreated(projectFile) {
  writeFileSync(projectFile, addProtocolRegistration(readFileSync(projectFile, 'utf8')));
}
