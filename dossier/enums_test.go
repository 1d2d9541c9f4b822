package dossier_test

import (
	"testing"

	"kamdesk/dossier"
)

func TestClassifyNPS(t *testing.T) {
	want := []dossier.NPSClass{
		dossier.Detractor, dossier.Detractor, dossier.Detractor, dossier.Detractor, dossier.Detractor,
		dossier.Detractor, dossier.Detractor, // 0–6
		dossier.Neutral, dossier.Neutral, // 7–8
		dossier.Promoter, dossier.Promoter, // 9–10
	}
	for score, w := range want {
		if got := dossier.ClassifyNPS(score); got != w {
			t.Errorf("ClassifyNPS(%d) = %q, want %q", score, got, w)
		}
	}
}

func TestLadder(t *testing.T) {
	want := []dossier.Level{dossier.Opponent, dossier.Doubter, dossier.Buyer, dossier.Customer, dossier.Advocate, dossier.Expert}
	if len(dossier.Ladder) != len(want) {
		t.Fatalf("len(Ladder) = %d, want %d", len(dossier.Ladder), len(want))
	}
	for i, l := range want {
		if got := l.Rank(); got != i {
			t.Errorf("%s.Rank() = %d, want %d", l, got, i)
		}
		if l.Advice() == "" {
			t.Errorf("%s.Advice() is empty", l)
		}
		if wantLow := i < 2; l.Low() != wantLow {
			t.Errorf("%s.Low() = %v, want %v", l, l.Low(), wantLow)
		}
	}
	if got := dossier.Level("friend").Rank(); got != -1 {
		t.Errorf("unknown level Rank() = %d, want -1", got)
	}
	if got := dossier.Level("friend").Advice(); got != "" {
		t.Errorf("unknown level Advice() = %q, want \"\"", got)
	}
	if got := dossier.Opponent.Advice(); got != "Clear facts and figures, so they can judge the practical value of the offer." {
		t.Errorf("Opponent.Advice() = %q", got)
	}
}

func TestTierRank(t *testing.T) {
	tests := []struct {
		tier dossier.Tier
		want int
	}{
		{dossier.TierCrownJewel, 0},
		{dossier.TierKey, 1},
		{dossier.TierValued, 2},
		{dossier.TierOther, 3},
		{"gold", -1},
	}
	for _, tt := range tests {
		if got := tt.tier.Rank(); got != tt.want {
			t.Errorf("Tier(%q).Rank() = %d, want %d", tt.tier, got, tt.want)
		}
	}
}

func TestLabels(t *testing.T) {
	tests := []struct {
		value, label, want string
	}{
		{string(dossier.TierCrownJewel), dossier.TierCrownJewel.Label(), "Crown jewel"},
		{"gold", dossier.Tier("gold").Label(), "gold"},
		{string(dossier.CriterionUnhappy), dossier.CriterionUnhappy.Label(), "Uses a competitor's product that does not satisfy it"},
		{string(dossier.RoleDecisionMaker), dossier.RoleDecisionMaker.Label(), "Decision maker"},
		{string(dossier.InfluenceHigh), dossier.InfluenceHigh.Label(), "High"},
		{string(dossier.HR), dossier.HR.Label(), "HR"},
		{string(dossier.OtherType), dossier.OtherType.Label(), "Other"},
		{string(dossier.Advocate), dossier.Advocate.Label(), "Advocate"},
		{string(dossier.ChannelMeeting), dossier.ChannelMeeting.Label(), "In person"},
		{string(dossier.Promoter), dossier.Promoter.Label(), "Promoter"},
	}
	for _, tt := range tests {
		if tt.label != tt.want {
			t.Errorf("Label() of %q = %q, want %q", tt.value, tt.label, tt.want)
		}
	}

	// Every listed value has its own English label.
	distinctLabels(t, "tier", dossier.Tiers, dossier.Tier.Label)
	distinctLabels(t, "criterion", dossier.Criteria, dossier.Criterion.Label)
	distinctLabels(t, "role", dossier.BuyingRoles, dossier.BuyingRole.Label)
	distinctLabels(t, "influence", dossier.Influences, dossier.Influence.Label)
	distinctLabels(t, "type", dossier.StakeholderTypes, dossier.StakeholderType.Label)
	distinctLabels(t, "level", dossier.Ladder, dossier.Level.Label)
	distinctLabels(t, "channel", dossier.Channels, dossier.Channel.Label)
	if n := len(dossier.Criteria); n != 6 {
		t.Errorf("len(Criteria) = %d, want the 6 of the domain", n)
	}
}

func distinctLabels[T ~string](t *testing.T, kind string, values []T, label func(T) string) {
	t.Helper()
	seen := map[string]bool{}
	for _, v := range values {
		l := label(v)
		if l == "" || seen[l] {
			t.Errorf("%s %q has label %q, want a distinct non-empty label", kind, v, l)
		}
		seen[l] = true
	}
}
