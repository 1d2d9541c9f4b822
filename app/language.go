package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/i18n"
	"kamdesk/proposal"
)

// LanguagePreference is the preference holding the desk's language, chosen
// in File → Language… ("" for the system's); main reads it at start.
const LanguagePreference = "language"

// onLanguage lets the user choose the desk's language (File → Language…).
// The screens are built in their language, so the choice takes effect the
// next time kamdesk starts, as the dialog says; --lang and $KAMDESK_LANG
// still win over it.
func (d *Desk) onLanguage() {
	system := lang.L("The system's language")
	names := []string{system}
	codes := []string{""}
	for _, code := range i18n.Languages {
		names = append(names, proposal.LanguageName(code))
		codes = append(codes, code)
	}
	current := ""
	if d.prefs != nil {
		current = d.prefs.String(LanguagePreference)
	}
	radio := widget.NewRadioGroup(names, nil)
	radio.Required = true
	radio.Selected = system
	for i, c := range codes {
		if c == current {
			radio.Selected = names[i]
		}
	}
	note := widget.NewLabel(lang.L("The desk takes the new language the next time kamdesk starts. Each proposal keeps its own language."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	content := widget.NewForm(widget.NewFormItem(lang.L("Language of the desk"), radio), widget.NewFormItem("", note))
	dlg := dialog.NewCustomConfirm(lang.L("Language"), lang.L("Save"), lang.L("Cancel"),
		content, func(ok bool) {
			if !ok || d.prefs == nil {
				return
			}
			for i, n := range names {
				if n == radio.Selected {
					d.chooseLanguage(codes[i], n)
				}
			}
		}, d.win)
	dlg.Resize(fyne.NewSize(480, 0))
	d.ShowClosable(dlg)
}

// chooseLanguage keeps code ("" for the system's), named name, as the
// desk's language and says when it applies.
func (d *Desk) chooseLanguage(code, name string) {
	if d.prefs.String(LanguagePreference) == code {
		return
	}
	d.prefs.SetString(LanguagePreference, code)
	dialog.ShowInformation(lang.L("Language"),
		lang.L("kamdesk will be in {{.Language}} the next time it starts: quit and start it again.", map[string]any{"Language": name}), d.win)
}
