"""The organiser's side: event folder, keys, roster import, badges, kiosk provisioning, demo."""
