package accounts

import (
	"image"
	"image/color"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kamdesk/app/ui"
	"kamdesk/dossier"
)

// thumbSize is the side of the square a person's photo is shown in, in
// pixels; the picture is made twice as large, for screens of double
// density.
const thumbSize = 96

// photoExts are the files the photo chooser offers.
var photoExts = []string{".jpg", ".jpeg", ".png", ".gif", ".JPG", ".JPEG", ".PNG", ".GIF"}

// photoBox is the photo on a person's screen: the picture in a small
// frame, its aspect kept, what it is, Choose… and Remove. A
// photo chosen stays in memory until the person is saved, and is saved
// with them in one transaction (SavePersonWithPhoto); a photo removed
// goes at the save. Both are unsaved changes of the form, asked about as
// any other.
type photoBox struct {
	s              *personScreen
	picture        *canvas.Image
	frame          *canvas.Rectangle
	empty          *widget.Icon
	about          *ui.FitLabel
	choose, remove *widget.Button
	box            *fyne.Container

	stored  *dossier.Photo // the photo as saved, nil when none
	chosen  *dossier.Photo // a photo chosen, not saved yet
	name    string         // the file it came from
	data    []byte         // its bytes
	removed bool           // the stored photo is to go at the save
	refused string         // why the last file chosen cannot be the photo
	loads   int            // counts the pictures asked for, so that a late one is dropped
}

func newPhotoBox(s *personScreen) *photoBox {
	b := &photoBox{s: s}
	b.picture = canvas.NewImageFromImage(nil)
	b.picture.FillMode = canvas.ImageFillContain
	b.picture.ScaleMode = canvas.ImageScaleSmooth
	b.picture.SetMinSize(fyne.NewSquareSize(thumbSize))
	b.frame = canvas.NewRectangle(color.Transparent)
	b.frame.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	b.frame.StrokeWidth = 1
	b.empty = widget.NewIcon(theme.NewDisabledResource(theme.AccountIcon()))
	b.about = ui.NewFitLabel("") // cut rather than widen the column
	b.about.Importance = widget.LowImportance
	b.choose = widget.NewButtonWithIcon(lang.L("Choose…"), theme.FileImageIcon(), b.onChoose)
	b.remove = widget.NewButtonWithIcon(lang.L("Remove"), theme.DeleteIcon(), b.onRemove)
	b.remove.Importance = widget.LowImportance
	framed := container.NewStack(b.frame, container.NewPadded(container.NewStack(b.empty, b.picture)))
	side := container.NewVBox(b.about, container.NewHBox(b.choose), container.NewHBox(b.remove))
	b.box = container.NewBorder(nil, nil, framed, nil, side)
	return b
}

// load shows the photo p, as saved, and forgets one chosen or removed.
func (b *photoBox) load(p *dossier.Photo) {
	b.stored, b.chosen, b.name, b.data, b.removed, b.refused = p, nil, "", nil, false, ""
	b.show()
}

// shown is the photo the form holds: the one chosen, else the stored one
// unless removed; nil when none.
func (b *photoBox) shown() *dossier.Photo {
	switch {
	case b.chosen != nil:
		return b.chosen
	case b.removed:
		return nil
	}
	return b.stored
}

// keep is the photo the person's record keeps when saved without new
// bytes: the stored one, unless removed or replaced.
func (b *photoBox) keep() *dossier.Photo {
	if b.chosen != nil || b.removed {
		return nil
	}
	return b.stored
}

// key is the photo's part of the form's state: what differs from the
// stored photo.
func (b *photoBox) key() string {
	switch {
	case b.chosen != nil:
		return "chosen " + b.chosen.SHA256
	case b.removed:
		return "removed"
	}
	return ""
}

// show shows the photo the form holds, reading and decoding its picture
// in the background.
func (b *photoBox) show() {
	ph := b.shown()
	b.loads++
	if ph == nil {
		b.picture.Image = nil
		b.picture.Refresh()
		b.empty.Show()
		b.about.SetText(lang.L("No photo"))
		b.remove.Disable()
		return
	}
	b.about.SetText(photoText(ph))
	b.remove.Enable()
	load, data := b.loads, b.data
	var img image.Image
	var err error
	b.s.host.Background(func() {
		if data == nil {
			if data, err = b.s.st.File(ph.Attachment); err != nil {
				return
			}
		}
		img, err = thumbnail(data, 2*thumbSize)
	}, func() {
		if load != b.loads {
			return // another photo was asked for meanwhile
		}
		if err != nil {
			b.about.SetText(lang.L("The photo cannot be shown: {{.Reason}}", map[string]any{"Reason": ui.ErrorText(err)}))
			return
		}
		b.empty.Hide()
		b.picture.Image = img
		b.picture.Refresh()
	})
}

// onChoose asks for an image file and takes it as the photo.
func (b *photoBox) onChoose() { ui.AskOpenPath(b.s.host, photoExts, b.choosePath) }

// choosePath reads the file at path in the background and, when it is a
// photo kamdesk keeps, shows it as the person's photo, to be saved with
// them; when it is not, says why under the photo and keeps the one shown.
func (b *photoBox) choosePath(path string) {
	name := filepath.Base(path)
	var data []byte
	var ph dossier.Photo
	var err error
	b.s.host.Background(func() {
		var f *os.File
		if f, err = os.Open(path); err != nil {
			return
		}
		defer f.Close()
		if data, err = io.ReadAll(io.LimitReader(f, dossier.MaxPhoto+1)); err != nil {
			return
		}
		ph, err = dossier.NewPhoto(name, data)
	}, func() {
		if fe := dossier.ProblemsOf(err).For("photo"); fe != nil {
			b.refused = name + ": " + ui.Tr(fe.Message, fe.Data)
			b.s.validate()
			return
		}
		if err != nil {
			b.s.host.ShowError(err)
			return
		}
		b.chosen, b.name, b.data, b.refused = &ph, name, data, ""
		b.show()
		b.s.changed("photo")
	})
}

// onRemove takes the photo off the form; the save removes it.
func (b *photoBox) onRemove() {
	b.chosen, b.name, b.data, b.refused = nil, "", nil, ""
	b.removed = b.stored != nil
	b.show()
	b.s.changed("photo")
}

// photoText says what a photo is: its kind, pixels and size.
func photoText(ph *dossier.Photo) string {
	return lang.L("{{.Kind}} image, {{.Width}}×{{.Height}} pixels, {{.Size}} KB",
		map[string]any{"Kind": ph.Kind(), "Width": ph.Width, "Height": ph.Height, "Size": ph.KB()})
}
