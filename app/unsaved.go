package app

import "kamdesk/app/ui"

// editor is a screen, or a part of one, that edits records (ui.Editor).
type editor = ui.Editor
