// Angular's DomSanitizer bypass methods (https://angular.dev/api/platform-browser/DomSanitizer): a value passed
// through them is trusted as HTML, a URL, a resource URL, script or style, so it must not carry input.
import { Component } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { DomSanitizer, SafeHtml } from '@angular/platform-browser';

const TABS: Record<string, boolean> = { intro: true };

@Component({ selector: 'app-preview', template: '<div [innerHTML]="html"></div>' })
export class PreviewComponent {
  html: SafeHtml;
  constructor(private sanitizer: DomSanitizer, private route: ActivatedRoute) {
    const fromHash = location.hash.slice(1);
    // ruleid: js.xss.dom
    this.html = this.sanitizer.bypassSecurityTrustHtml('<p>' + fromHash + '</p>');
    // ruleid: js.xss.dom
    const link = this.sanitizer.bypassSecurityTrustUrl(new URLSearchParams(location.search).get('next'));
    // ruleid: js.xss.dom
    const frame = this.sanitizer.bypassSecurityTrustResourceUrl(document.referrer);
    // ruleid: js.xss.dom
    const script = this.sanitizer.bypassSecurityTrustScript(window.name);
    // ruleid: js.xss.dom
    const style = this.sanitizer.bypassSecurityTrustStyle('color: ' + fromHash);
    // Constant markup is fine to trust.
    // ok: js.xss.dom
    const fixed = this.sanitizer.bypassSecurityTrustHtml('<b>static</b>');
    // Angular's own sanitising is applied when the value is bound without a bypass.
    // ok: js.xss.dom
    this.html = fromHash;
    console.log(link, frame, script, style, fixed);
  }
}

@Component({ selector: 'app-route-preview', template: '<div [innerHTML]="html"></div>' })
export class RoutePreviewComponent {
  html: SafeHtml;
  constructor(private sanitizer: DomSanitizer, private route: ActivatedRoute) {
    // The route's query comes from the URL, whatever the injected field is called.
    // ruleid: js.xss.dom
    this.html = this.sanitizer.bypassSecurityTrustHtml(this.route.snapshot.queryParamMap.get('q'));
    // Route data is the app's own configuration, not the URL.
    // ok: js.xss.dom
    const banner = this.sanitizer.bypassSecurityTrustHtml(this.route.snapshot.data['banner']);
    // The parameter only picks one of the app's own snippets.
    // ok: js.xss.dom
    const tab = this.sanitizer.bypassSecurityTrustHtml(TABS[this.route.snapshot.paramMap.get('tab')] ? '<b>tab</b>' : '');
    console.log(banner, tab);
  }

  ngOnInit() {
    this.route.queryParamMap.subscribe((params) => {
      // ruleid: js.xss.dom
      this.html = this.sanitizer.bypassSecurityTrustHtml(params.get('preview'));
    });
    this.route.data.subscribe((data) => {
      // ok: js.xss.dom
      this.html = this.sanitizer.bypassSecurityTrustHtml(data.template);
    });
  }
}
