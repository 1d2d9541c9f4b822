package proposal

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// bigProposal is the fixture grown to forty sections and about 100 KB of
// Markdown: paragraphs, lists, a table and placeholders in each.
func bigProposal() (*Proposal, *Context) {
	p, c := northbridge()
	var body strings.Builder
	for i := range 9 {
		fmt.Fprintf(&body, "For {{account.name}}, phase %d covers **%d sites** with _live_ monitoring. "+
			"Every reading reaches the site manager within a minute; see https://kestrel.example/phase-%d. "+
			"We keep the promises we make -- and the dates that hold.\n\n", i+1, 3+i, i+1)
		fmt.Fprintf(&body, "- Sensors on every crane and hoist\n- Alerts by text and e-mail\n- Weekly report to {{person.name}}\n\n")
	}
	body.WriteString("| Site | Sensors | Start |\n|---|---:|---|\n")
	for i := range 12 {
		fmt.Fprintf(&body, "| Site %d | %d | week %d |\n", i+1, 10+i, 2+i)
	}
	for len(p.Items) < 40 {
		n := len(p.Items)
		p.Items = append(p.Items, Item{Title: fmt.Sprintf("Programme part %d", n), Kind: KindOther,
			Audiences: Weights{Executive: 60, HR: 40, Finance: 50, Technical: 60}, Body: body.String()})
	}
	return p, c
}

// BenchmarkExportVsGoldmark: exporting the executive variant of a
// 100 KB, 40-section proposal as kamdesk does (the variant assembled once
// and checked, proposal.Prepare; the HTML document) against goldmark with the GFM extensions
// alone on the same Markdown, in the same run; reports the ratio.
func BenchmarkExportVsGoldmark(b *testing.B) {
	p, c := bigProposal()
	v, err := Assemble(p, c, Executive)
	if err != nil {
		b.Fatal(err)
	}
	md := []byte(v.Markdown)
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	export := func() {
		prep, err := Prepare(p, c, Executive)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := RenderHTML(Document{Title: p.Title, Subtitle: "Executive variant", Language: "en",
			Markdown: prep.Variants[0].Markdown, Generated: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}, ""); err != nil {
			b.Fatal(err)
		}
	}
	alone := func() {
		var out bytes.Buffer
		if err := gm.Convert(md, &out); err != nil {
			b.Fatal(err)
		}
	}
	var kamdesk, gold, kamdeskCPU, goldCPU []time.Duration
	for b.Loop() {
		start, cpu := time.Now(), cpuTime()
		export()
		kamdesk, kamdeskCPU = append(kamdesk, time.Since(start)), append(kamdeskCPU, cpuTime()-cpu)
		start, cpu = time.Now(), cpuTime()
		alone()
		gold, goldCPU = append(gold, time.Since(start)), append(goldCPU, cpuTime()-cpu)
	}
	mk, mg := medianDuration(kamdesk), medianDuration(gold)
	b.ReportMetric(float64(len(md))/1024, "KB-markdown")
	b.ReportMetric(float64(mk.Microseconds())/1000, "ms-kamdesk")
	b.ReportMetric(float64(mg.Microseconds())/1000, "ms-goldmark")
	b.ReportMetric(float64(mk)/float64(mg), "x-goldmark")
	// The CPU time of the process over the same calls (every thread: a
	// long variant is converted in parts at once, html_parallel.go; the
	// collector's work lands where it happens to run).
	if ck, cg := medianDuration(kamdeskCPU), medianDuration(goldCPU); cg > 0 {
		b.ReportMetric(float64(ck)/float64(cg), "x-goldmark-cpu")
	}
	b.ReportMetric(0, "ns/op")
}

func medianDuration(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	for i := range s { // insertion sort: a handful of runs
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s[len(s)/2]
}
