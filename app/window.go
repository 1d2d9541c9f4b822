package app

import "fyne.io/fyne/v2"

// RestoreWindow gives w the size it had when it was last closed and
// remembers its size when it closes. (Fyne does not let an application
// place its window; the system does.)
func RestoreWindow(w fyne.Window, prefs fyne.Preferences) {
	width := prefs.FloatWithFallback("window.width", 1280)
	height := prefs.FloatWithFallback("window.height", 800)
	w.Resize(fyne.NewSize(float32(width), float32(height)))
	w.SetCloseIntercept(func() {
		s := w.Canvas().Size()
		if s.Width > 200 && s.Height > 200 {
			prefs.SetFloat("window.width", float64(s.Width))
			prefs.SetFloat("window.height", float64(s.Height))
		}
		w.Close()
	})
}
