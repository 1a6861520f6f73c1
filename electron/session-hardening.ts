// The renderer's session asks for nothing: every permission (camera, notifications, geolocation, …) is refused,
// because desktop notifications come from the main process and the page needs no device.
import type { Session } from 'electron';

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function refuseAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
