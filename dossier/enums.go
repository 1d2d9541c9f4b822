package dossier

// The enumerations of the dossier are lowercase English words, the same in
// storage, on the command line and in JSON. The user interface translates
// their labels (see Label methods); the words themselves never change.

// Tier is how important an account is; the list is reviewed yearly.
type Tier string

// Tiers, most important first.
const (
	TierCrownJewel Tier = "crown-jewel"
	TierKey        Tier = "key"
	TierValued     Tier = "valued"
	TierOther      Tier = "other"
)

// Tiers lists every tier, most important first.
var Tiers = []Tier{TierCrownJewel, TierKey, TierValued, TierOther}

// Label is the English label of t, for translation.
func (t Tier) Label() string {
	switch t {
	case TierCrownJewel:
		return "Crown jewel"
	case TierKey:
		return "Key"
	case TierValued:
		return "Valued"
	case TierOther:
		return "Other"
	}
	return string(t)
}

// Rank orders tiers: 0 for crown jewels, larger for less important ones.
func (t Tier) Rank() int { return indexOf(Tiers, t) }

// Criterion is one of the six reasons a client is key.
type Criterion string

// The key-client criteria of the domain.
const (
	CriterionBrand          Criterion = "brand"           // a well-known brand
	CriterionPotential      Criterion = "potential"       // large potential in sales or profit
	CriterionNewSegment     Criterion = "new-segment"     // new promising segment or territory
	CriterionMedia          Criterion = "media"           // present in media or an ambitious funded project
	CriterionUnhappy        Criterion = "competitor"      // uses a competitor's product that does not satisfy it
	CriterionManagementList Criterion = "management-list" // on management's list of key clients
)

// Criteria lists the six criteria in the order of the domain.
var Criteria = []Criterion{CriterionBrand, CriterionPotential, CriterionNewSegment,
	CriterionMedia, CriterionUnhappy, CriterionManagementList}

// Label is the English label of c, for translation.
func (c Criterion) Label() string {
	switch c {
	case CriterionBrand:
		return "A well-known brand"
	case CriterionPotential:
		return "Large potential in sales or profit"
	case CriterionNewSegment:
		return "A new, promising segment or territory"
	case CriterionMedia:
		return "In the media or running an ambitious funded project"
	case CriterionUnhappy:
		return "Uses a competitor's product that does not satisfy it"
	case CriterionManagementList:
		return "On management's list of key clients"
	}
	return string(c)
}

// BuyingRole is a person's part in the buying decision.
type BuyingRole string

// Buying roles.
const (
	RoleDecisionMaker BuyingRole = "decision-maker"
	RoleApprover      BuyingRole = "approver"
	RoleInfluencer    BuyingRole = "influencer"
	RoleEvaluator     BuyingRole = "evaluator"
	RoleUser          BuyingRole = "user"
	RoleGatekeeper    BuyingRole = "gatekeeper"
)

// BuyingRoles lists every buying role.
var BuyingRoles = []BuyingRole{RoleDecisionMaker, RoleApprover, RoleInfluencer,
	RoleEvaluator, RoleUser, RoleGatekeeper}

// Label is the English label of r, for translation.
func (r BuyingRole) Label() string {
	switch r {
	case RoleDecisionMaker:
		return "Decision maker"
	case RoleApprover:
		return "Approver"
	case RoleInfluencer:
		return "Influencer"
	case RoleEvaluator:
		return "Evaluator"
	case RoleUser:
		return "User"
	case RoleGatekeeper:
		return "Gatekeeper"
	}
	return string(r)
}

// Influence is how much weight a person carries in the decision.
type Influence string

// Influence levels.
const (
	InfluenceLow    Influence = "low"
	InfluenceMedium Influence = "medium"
	InfluenceHigh   Influence = "high"
)

// Influences lists influence levels from low to high.
var Influences = []Influence{InfluenceLow, InfluenceMedium, InfluenceHigh}

// Label is the English label of i, for translation.
func (i Influence) Label() string {
	switch i {
	case InfluenceLow:
		return "Low"
	case InfluenceMedium:
		return "Medium"
	case InfluenceHigh:
		return "High"
	}
	return string(i)
}

// StakeholderType decides how a proposal argues with a person.
type StakeholderType string

// Stakeholder types.
const (
	Executive StakeholderType = "executive"
	HR        StakeholderType = "hr"
	Finance   StakeholderType = "finance"
	Technical StakeholderType = "technical"
	OtherType StakeholderType = "other"
)

// StakeholderTypes lists every stakeholder type.
var StakeholderTypes = []StakeholderType{Executive, HR, Finance, Technical, OtherType}

// Label is the English label of s, for translation.
func (s StakeholderType) Label() string {
	switch s {
	case Executive:
		return "Executive"
	case HR:
		return "HR"
	case Finance:
		return "Finance"
	case Technical:
		return "Technical"
	case OtherType:
		return "Other"
	}
	return string(s)
}

// Level is a rung of the relationship ladder.
type Level string

// The relationship ladder, from the bottom up.
const (
	Opponent Level = "opponent"
	Doubter  Level = "doubter"
	Buyer    Level = "buyer"
	Customer Level = "customer"
	Advocate Level = "advocate"
	Expert   Level = "expert"
)

// Ladder lists the levels from the bottom (opponent) to the top (expert).
var Ladder = []Level{Opponent, Doubter, Buyer, Customer, Advocate, Expert}

// Rank is the position of l on the ladder: 0 for opponent, 5 for expert,
// -1 for an unknown level.
func (l Level) Rank() int { return indexOf(Ladder, l) }

// Label is the English label of l, for translation.
func (l Level) Label() string {
	switch l {
	case Opponent:
		return "Opponent"
	case Doubter:
		return "Doubter"
	case Buyer:
		return "Buyer"
	case Customer:
		return "Customer"
	case Advocate:
		return "Advocate"
	case Expert:
		return "Expert"
	}
	return string(l)
}

// Advice is the English hint on what it takes to move someone up from l,
// drawn from the practice of key account work.
func (l Level) Advice() string {
	switch l {
	case Opponent:
		return "Clear facts and figures, so they can judge the practical value of the offer."
	case Doubter:
		return "Proof: references, statistics and a quantified result."
	case Buyer:
		return "Emotional closeness: personal attention, care and kept promises."
	case Customer:
		return "Deeper knowledge of the product and successes they can tell others about."
	case Advocate:
		return "Involve them as an expert: early access, joint projects, recommendations."
	case Expert:
		return "Keep them close; ask for recommendations and introductions."
	}
	return ""
}

// Low reports whether l is opponent or doubter: people who need facts and
// figures before anything else.
func (l Level) Low() bool { return l == Opponent || l == Doubter }

// Channel is how a person prefers to be contacted.
type Channel string

// Contact channels.
const (
	ChannelEmail     Channel = "email"
	ChannelPhone     Channel = "phone"
	ChannelMessenger Channel = "messenger"
	ChannelMeeting   Channel = "meeting"
	ChannelLetter    Channel = "letter"
)

// Channels lists every contact channel.
var Channels = []Channel{ChannelEmail, ChannelPhone, ChannelMessenger, ChannelMeeting, ChannelLetter}

// Label is the English label of c, for translation.
func (c Channel) Label() string {
	switch c {
	case ChannelEmail:
		return "E-mail"
	case ChannelPhone:
		return "Phone"
	case ChannelMessenger:
		return "Messenger"
	case ChannelMeeting:
		return "In person"
	case ChannelLetter:
		return "Letter"
	}
	return string(c)
}

// NPSClass is the Net Promoter class derived from a 0–10 score.
type NPSClass string

// NPS classes.
const (
	Promoter  NPSClass = "promoter"  // 9–10
	Neutral   NPSClass = "neutral"   // 7–8
	Detractor NPSClass = "detractor" // 0–6
)

// ClassifyNPS returns the class of a 0–10 score.
func ClassifyNPS(score int) NPSClass {
	switch {
	case score >= 9:
		return Promoter
	case score >= 7:
		return Neutral
	default:
		return Detractor
	}
}

// Label is the English label of c, for translation.
func (c NPSClass) Label() string {
	switch c {
	case Promoter:
		return "Promoter"
	case Neutral:
		return "Neutral"
	case Detractor:
		return "Detractor"
	}
	return string(c)
}

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

func oneOf[T comparable](list []T, v T) bool { return indexOf(list, v) >= 0 }
