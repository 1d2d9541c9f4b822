package proposals

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columnsLayout lays out the cells of a table row: fixed columns at their
// width, the others sharing the rest by weight, so every row and the
// heading line up.
type columnsLayout struct{ cols []pricingColumn }

func (l *columnsLayout) weights() (fixed, total float32) {
	for _, c := range l.cols {
		if c.weight == 0 {
			fixed += c.width
		}
		total += c.weight
	}
	return fixed + theme.Padding()*float32(len(l.cols)-1), total
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	fixed, total := l.weights()
	var free, h float32
	for i, o := range objs {
		if i >= len(l.cols) || !o.Visible() {
			continue
		}
		m := o.MinSize()
		h = max(h, m.Height)
		if w := l.cols[i].weight; w > 0 {
			free = max(free, m.Width*total/w)
		}
	}
	return fyne.NewSize(fixed+free, h)
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fixed, total := l.weights()
	free := max(size.Width-fixed, 0)
	x := float32(0)
	for i, o := range objs {
		if i >= len(l.cols) {
			break
		}
		c := l.cols[i]
		w := c.width
		if c.weight > 0 {
			w = free * c.weight / total
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + theme.Padding()
	}
}

// enableButton enables or disables a button.
func enableButton(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// setNote shows text in a message label, or hides it when text is empty.
func setNote(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}
