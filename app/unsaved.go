package app

import "kamdesk/app/ui"

// editor is a screen, or a part of one, that edits records (ui.Editor).
type editor = ui.Editor

// dialogEditor is a form open in a dialog over the screen (ui.DialogEditor).
type dialogEditor = ui.DialogEditor
